// Unsaved typing is kept in sessionStorage (per tab, gone when the tab closes) so a reload or an
// expired session never loses it. Drafts are removed after a successful save and at logout.
const PREFIX = 'eenplan:draft:';

export type DraftKind = 'note' | 'edit' | 'support-route';

function key(kind: DraftKind, pupilId: string): string {
  return `${PREFIX}${kind}:${pupilId}`;
}

/** The stored value as parsed JSON; callers check its shape (storage is user-editable). */
export function loadDraft(kind: DraftKind, pupilId: string): unknown {
  try {
    const raw = sessionStorage.getItem(key(kind, pupilId));
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

export function saveDraft(kind: DraftKind, pupilId: string, value: unknown): void {
  try {
    sessionStorage.setItem(key(kind, pupilId), JSON.stringify(value));
  } catch {
    // Storage full or disabled: the form still works, only the safety net is missing.
  }
}

export function clearDraft(kind: DraftKind, pupilId: string): void {
  sessionStorage.removeItem(key(kind, pupilId));
}

export function clearAllDrafts(): void {
  for (const k of Object.keys(sessionStorage)) {
    if (k.startsWith(PREFIX)) sessionStorage.removeItem(k);
  }
}
