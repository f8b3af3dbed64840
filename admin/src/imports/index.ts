import ImportIcon from '@mui/icons-material/UploadFile';
import { guarded } from '../common/guarded';
import { ImportPage } from './ImportPage';

// Not a list of records: the resource's "list" route is the upload page, so the menu entry and
// the access check come from <Resource> like any other page; a custom page checks canAccess
// itself (`guarded`), since only react-admin's List does it for you.
export default {
  list: guarded('imports', ImportPage),
  icon: ImportIcon,
};
