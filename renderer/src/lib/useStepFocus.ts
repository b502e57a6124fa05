// Keyboard flow through a wizard: when the step changes, focus moves to the new step's container, so the
// next Tab goes into that step instead of starting again at the side menu.
import { useEffect, useRef, type RefObject } from 'react';

/** Give the returned ref to an element with tabIndex={-1} around the step's content. */
export function useStepFocus<T extends HTMLElement>(step: string): RefObject<T | null> {
  const ref = useRef<T>(null);
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    // Only where focus went nowhere useful (the old step's button is gone, or a closing dialog still holds
    // it): never take it from a field the admin is in.
    const active = document.activeElement;
    const lost =
      !active ||
      active === document.body ||
      !active.isConnected ||
      ref.current?.contains(active) === true ||
      active.closest('.ant-modal-wrap') !== null;
    if (lost) ref.current?.focus({ preventScroll: true });
  }, [step]);
  return ref;
}
