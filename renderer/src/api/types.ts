// The renderer's view of the backend: the contract's methods, `on` for events, and link state.
import type { EventName, Events, Methods, Unsubscribe } from '../../../shared/contract';

/** 'open' once the backend answers; web mode may drop to 'reconnecting' while the socket is re-opened. */
export type LinkState = 'connecting' | 'open' | 'reconnecting';

export interface Api extends Methods {
  readonly host: 'electron' | 'web';
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): Unsubscribe;
  /** Called with the current state at once, then on every change. */
  onLink(cb: (state: LinkState) => void): Unsubscribe;
}
