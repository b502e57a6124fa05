// The organisation's staff directory: people and departments by name (see README.md).
export { Directory, fold, mobileOf, withDepartment } from './directory';
export { DirectoryService, type DirectoryReadFailure, type DirectoryServiceOptions } from './service';
export { DirectoryError, isDirectoryError, PERMISSION_ERRCODES } from './errors';
export { readDirectory, ROOT_DEPT, STAFF_PAGE_SIZE, READ_CONCURRENCY, type RawDirectory } from './read';
export type * from './types';
