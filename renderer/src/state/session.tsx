// Who we are connected to, what the host can do, and the organisation's label groups: shared by every screen.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api, type Capabilities, type ConnectionInfo, type FileRef, type OrgSummary } from '../api';
import { useI18n, type Lang } from '../i18n';

interface SessionValue {
  /** null while disconnected. */
  session: ConnectionInfo | null;
  capabilities: Capabilities | null;
  /** Label groups and contact count of the connected organisation; null until loaded. */
  org: OrgSummary | null;
  orgError: unknown;
  /**
   * The UI language once the backend has been told it (null before): lists whose text the backend words
   * (the jobs list's explanations) are fetched again when it changes.
   */
  backendLang: Lang | null;
  setSession: (info: ConnectionInfo | null) => void;
  /** A sheet the OS handed to the app (open with…, dock drop): the import wizard takes it. */
  openedFile: FileRef | null;
  takeOpenedFile: () => FileRef | null;
  refreshOrg: (refresh?: boolean) => Promise<OrgSummary | null>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [session, setSessionState] = useState<ConnectionInfo | null>(null);
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);
  const [org, setOrg] = useState<OrgSummary | null>(null);
  const [orgError, setOrgError] = useState<unknown>(null);
  const [openedFile, setOpenedFile] = useState<FileRef | null>(null);
  const openedRef = useRef<FileRef | null>(null);
  const takeOpenedFile = useCallback(() => {
    const file = openedRef.current;
    openedRef.current = null;
    if (file) setOpenedFile(null);
    return file;
  }, []);

  const refreshOrg = useCallback(async (refresh = false) => {
    try {
      const summary = await api.getOrgSummary({ refresh });
      setOrg(summary);
      setOrgError(null);
      return summary;
    } catch (e) {
      setOrgError(e);
      return null;
    }
  }, []);

  const setSession = useCallback(
    (info: ConnectionInfo | null) => {
      const connected = info?.connected ? info : null;
      setSessionState(connected);
      if (connected) void refreshOrg(true);
      else setOrg(null);
    },
    [refreshOrg],
  );

  useEffect(() => {
    void api.getCapabilities().then(setCapabilities, () => undefined);
    void api.getConnection().then(setSession, () => undefined);
    const offConnection = api.on('connection:changed', setSession);
    // A finished job changed the organisation (creates, deletes): the counts shown must follow.
    const offJob = api.on('job:finished', () => void refreshOrg(true));
    const offFile = api.on('file:opened', (file) => {
      openedRef.current = file;
      setOpenedFile(file);
    });
    return () => {
      offConnection();
      offJob();
      offFile();
    };
  }, [setSession, refreshOrg]);

  // The backend explains errors in the UI language: tell it whenever the language changes. The screens wait
  // for the first time (a screen's effects run before this provider's, so its first fetch would otherwise
  // reach the backend before the language does).
  const [backendLang, setBackendLang] = useState<Lang | null>(null);
  useEffect(() => {
    let current = true;
    void api
      .updateSettings({ language: lang })
      .catch(() => undefined)
      .then(() => current && setBackendLang(lang));
    return () => {
      current = false;
    };
  }, [lang]);

  const value = useMemo(
    () => ({
      session,
      capabilities,
      org,
      orgError,
      backendLang,
      setSession,
      refreshOrg,
      openedFile,
      takeOpenedFile,
    }),
    [session, capabilities, org, orgError, backendLang, setSession, refreshOrg, openedFile, takeOpenedFile],
  );
  return (
    <SessionContext.Provider value={value}>{backendLang !== null ? children : null}</SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
