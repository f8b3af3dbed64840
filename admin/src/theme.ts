import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

// Chinese glyphs come from the system's CJK fonts; Roboto (bundled) covers Latin and digits.
const fontFamily = 'Roboto, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const withFont = (theme: RaThemeOptions): RaThemeOptions => ({
  ...theme,
  typography: { ...theme.typography, fontFamily },
});

export const lightTheme = withFont(defaultLightTheme);
export const darkTheme = withFont(defaultDarkTheme);
