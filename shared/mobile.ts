// What DingTalk accepts as a contact's mobile for a country code (create answers 60103 otherwise).
// The planner checks it before sending; the sandbox refuses the same way DingTalk does.

/** Mainland China (+86) numbers are 11 digits starting 13–19; elsewhere 5–15 digits. */
export function isMobileFor(stateCode: string, mobile: string): boolean {
  if (!/^\d{1,4}$/.test(stateCode)) return false;
  return stateCode === '86' ? /^1[3-9]\d{9}$/.test(mobile) : /^\d{5,15}$/.test(mobile);
}
