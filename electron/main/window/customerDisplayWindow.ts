import { APP_ORIGIN, type CustomerDisplayPlacement } from '../../../shared/ipc/contract';
import { hardenedWebPreferences } from './security';

/**
 * The customer-facing display (this same renderer at #/customer), turned towards the citizen.
 *
 * Invariants:
 * 1. it opens full screen on the first display that is not the primary one (the counter's second
 *    screen); with one display it opens as a normal window centred in the primary display's work area;
 * 2. there is at most one such window: opening again brings it forward, and moves it when a second
 *    screen has been plugged in or removed since;
 * 3. it is as locked down as the counter window (security.ts), and has no preload: it only shows what the
 *    clerk's window sends over a BroadcastChannel, so it has no use for the host bridge;
 * 4. it closes with the counter window, so closing the counter still quits the app.
 */

export const CUSTOMER_DISPLAY_URL = `${APP_ORIGIN}/index.html#/customer`;

export const CUSTOMER_DISPLAY_TITLE = '櫃台通 · 民眾顯示 CounterDesk customer display';

/** The window size used on the primary display, shrunk to fit smaller work areas. */
export const FALLBACK_SIZE = { width: 1024, height: 768 } as const;

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Electron's Display, as far as we read it (`screen.getAllDisplays()`). */
export interface DisplayLike {
  readonly id: number;
  readonly bounds: Rectangle;
  readonly workArea: Rectangle;
}

/** The part of Electron's `screen` the display choice reads. */
export interface ScreenLike {
  getAllDisplays(): readonly DisplayLike[];
  getPrimaryDisplay(): { readonly id: number };
}

export interface CustomerDisplayPlan {
  readonly placement: CustomerDisplayPlacement;
  readonly displayId: number | undefined;
  readonly bounds: Rectangle;
  readonly fullscreen: boolean;
}

/** Where the display goes, from `screen.getAllDisplays()` and the primary display's id. */
export function planCustomerDisplay(displays: readonly DisplayLike[], primaryId: number): CustomerDisplayPlan {
  const secondary = displays.find((display) => display.id !== primaryId);
  if (secondary !== undefined) {
    return { placement: 'secondary', displayId: secondary.id, bounds: { ...secondary.bounds }, fullscreen: true };
  }
  const primary = displays.find((display) => display.id === primaryId) ?? displays[0];
  if (primary === undefined) {
    return { placement: 'primary', displayId: undefined, bounds: { x: 0, y: 0, ...FALLBACK_SIZE }, fullscreen: false };
  }
  const area = primary.workArea;
  const width = Math.min(FALLBACK_SIZE.width, area.width);
  const height = Math.min(FALLBACK_SIZE.height, area.height);
  return {
    placement: 'primary',
    displayId: primary.id,
    bounds: { x: area.x + Math.floor((area.width - width) / 2), y: area.y + Math.floor((area.height - height) / 2), width, height },
    fullscreen: false,
  };
}

/** The counter window's webPreferences without its preload: same sandbox, no bridge. */
export function customerDisplayWebPreferences() {
  const { preload: _withoutPreload, ...preferences } = hardenedWebPreferences('');
  return preferences;
}

/** The BrowserWindow options for a plan. */
export function customerDisplayWindowOptions(plan: CustomerDisplayPlan) {
  return {
    ...plan.bounds,
    fullscreen: plan.fullscreen,
    title: CUSTOMER_DISPLAY_TITLE,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: customerDisplayWebPreferences(),
  };
}

/** The part of Electron's BrowserWindow the opener drives. */
export interface CustomerWindowLike {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  close(): void;
  setFullScreen(fullscreen: boolean): void;
  setBounds(bounds: Rectangle): void;
  on(event: 'closed', listener: () => void): unknown;
}

export interface CustomerDisplayOpener {
  /** Opens the display or brings it forward; answers where it is. */
  open(): { placement: CustomerDisplayPlacement };
  close(): void;
  isOpen(): boolean;
}

export function createCustomerDisplayOpener<W extends CustomerWindowLike>(deps: {
  readonly screen: ScreenLike;
  /** Creates and starts loading the window (main.ts: new BrowserWindow + loadURL). */
  createWindow(plan: CustomerDisplayPlan): W;
}): CustomerDisplayOpener {
  let window: W | undefined;
  let placedOn: number | undefined;

  const live = (): W | undefined => (window !== undefined && !window.isDestroyed() ? window : undefined);

  return {
    open() {
      const plan = planCustomerDisplay(deps.screen.getAllDisplays(), deps.screen.getPrimaryDisplay().id);
      const existing = live();
      if (existing === undefined) {
        const created = deps.createWindow(plan);
        created.on('closed', () => {
          if (window === created) window = undefined;
        });
        window = created;
        placedOn = plan.displayId;
        return { placement: plan.placement };
      }
      if (existing.isMinimized()) existing.restore();
      if (placedOn !== plan.displayId) {
        // The screens changed since it opened: leave full screen before moving, as the OS requires.
        existing.setFullScreen(false);
        existing.setBounds(plan.bounds);
        if (plan.fullscreen) existing.setFullScreen(true);
        placedOn = plan.displayId;
      }
      existing.show();
      existing.focus();
      return { placement: plan.placement };
    },
    close() {
      live()?.close();
      window = undefined;
    },
    isOpen: () => live() !== undefined,
  };
}
