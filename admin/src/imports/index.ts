import ImportIcon from '@mui/icons-material/UploadFile';
import { ImportPage } from './ImportPage';

// Not a list of records: the resource's "list" route is the upload page, so the menu entry and
// the access check (canAccess list) come from <Resource> like any other page.
export default {
  list: ImportPage,
  icon: ImportIcon,
};
