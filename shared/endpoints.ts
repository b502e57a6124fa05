// Where each DingTalk call lives (path below the base URL), so the client and the sandbox agree.
import type { Endpoint } from './domain';

export const ENDPOINT_PATHS: Readonly<Record<Exclude<Endpoint, 'gettoken'>, string>> = {
  listlabelgroups: '/topapi/extcontact/listlabelgroups',
  list: '/topapi/extcontact/list',
  get: '/topapi/extcontact/get',
  update: '/topapi/extcontact/update',
  create: '/topapi/extcontact/create',
  delete: '/topapi/extcontact/delete',
  // The staff directory (dingtalk-api.md, "Staff directory").
  listsub: '/topapi/v2/department/listsub',
  getdept: '/topapi/v2/department/get',
  listsimple: '/topapi/user/listsimple',
  getbymobile: '/topapi/v2/user/getbymobile',
  getuser: '/topapi/v2/user/get',
};

/** The directory's endpoints: reads of the organisation's own staff and departments. */
export const DIRECTORY_ENDPOINTS = ['listsub', 'getdept', 'listsimple', 'getbymobile', 'getuser'] as const;
export type DirectoryEndpoint = (typeof DIRECTORY_ENDPOINTS)[number];
