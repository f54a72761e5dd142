import { describe, expect, it } from 'vitest';
import {
  createCustomerDisplayOpener,
  CUSTOMER_DISPLAY_URL,
  customerDisplayWindowOptions,
  planCustomerDisplay,
  type CustomerDisplayPlan,
  type CustomerWindowLike,
  type DisplayLike,
  type Rectangle,
} from './customerDisplayWindow';
import { hardenedWebPreferences } from './security';

const laptop: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const facing: DisplayLike = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 }, workArea: { x: 1920, y: 0, width: 1280, height: 770 } };
const third: DisplayLike = { id: 3, bounds: { x: -1024, y: 0, width: 1024, height: 768 }, workArea: { x: -1024, y: 0, width: 1024, height: 740 } };

describe('where the customer display goes', () => {
  it('fills the first display that is not the primary one', () => {
    expect(planCustomerDisplay([laptop, facing], 1)).toEqual({ placement: 'secondary', displayId: 2, bounds: facing.bounds, fullscreen: true });
    // The primary display need not be listed first.
    expect(planCustomerDisplay([facing, laptop, third], 2)).toEqual({ placement: 'secondary', displayId: 1, bounds: laptop.bounds, fullscreen: true });
  });

  it('opens a window centred in the work area when there is only one display', () => {
    expect(planCustomerDisplay([laptop], 1)).toEqual({
      placement: 'primary',
      displayId: 1,
      bounds: { x: 448, y: 136, width: 1024, height: 768 },
      fullscreen: false,
    });
    const small: DisplayLike = { id: 7, bounds: { x: 0, y: 0, width: 800, height: 600 }, workArea: { x: 0, y: 30, width: 800, height: 570 } };
    expect(planCustomerDisplay([small], 7).bounds).toEqual({ x: 0, y: 30, width: 800, height: 570 });
  });
});

describe('the customer display window', () => {
  it('is sandboxed like the counter window but has no preload, and loads #/customer', () => {
    const options = customerDisplayWindowOptions(planCustomerDisplay([laptop, facing], 1));
    const { preload: _preload, ...counter } = hardenedWebPreferences('/app/preload.cjs');
    expect(options.webPreferences).toEqual(counter);
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 800, fullscreen: true, show: false });
    expect(CUSTOMER_DISPLAY_URL).toBe('app://counterdesk/index.html#/customer');
  });
});

class FakeWindow implements CustomerWindowLike {
  destroyed = false;
  minimized = false;
  fullscreen: boolean;
  bounds: Rectangle;
  readonly calls: string[] = [];
  private readonly closedListeners: (() => void)[] = [];

  constructor(readonly plan: CustomerDisplayPlan) {
    this.fullscreen = plan.fullscreen;
    this.bounds = plan.bounds;
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore() {
    this.minimized = false;
    this.calls.push('restore');
  }
  show() {
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
  close() {
    this.destroyed = true;
    for (const listener of this.closedListeners) listener();
  }
  setFullScreen(fullscreen: boolean) {
    this.fullscreen = fullscreen;
  }
  setBounds(bounds: Rectangle) {
    this.bounds = bounds;
  }
  on(_event: 'closed', listener: () => void) {
    this.closedListeners.push(listener);
  }
}

function windowAt(created: readonly FakeWindow[], index: number): FakeWindow {
  const found = created[index];
  if (found === undefined) throw new Error(`no window ${index}`);
  return found;
}

function setup(displays: DisplayLike[]) {
  const screen = { displays, getAllDisplays: () => screen.displays, getPrimaryDisplay: () => ({ id: 1 }) };
  const created: FakeWindow[] = [];
  const opener = createCustomerDisplayOpener({
    screen,
    createWindow: (plan) => {
      const window = new FakeWindow(plan);
      created.push(window);
      return window;
    },
  });
  return { screen, created, opener };
}

describe('opening the customer display', () => {
  it('opens one window and brings the same one forward when asked again', () => {
    const { created, opener } = setup([laptop, facing]);
    expect(opener.open()).toEqual({ placement: 'secondary' });
    windowAt(created, 0).minimized = true;
    expect(opener.open()).toEqual({ placement: 'secondary' });
    expect(created).toHaveLength(1);
    expect(windowAt(created, 0).calls).toEqual(['restore', 'show', 'focus']);
  });

  it('moves the open window to a second screen plugged in after it opened', () => {
    const { screen, created, opener } = setup([laptop]);
    expect(opener.open()).toEqual({ placement: 'primary' });
    expect(windowAt(created, 0).fullscreen).toBe(false);
    screen.displays = [laptop, facing];
    expect(opener.open()).toEqual({ placement: 'secondary' });
    expect(created[0]).toMatchObject({ bounds: facing.bounds, fullscreen: true });
  });

  it('opens a new window after the citizen’s one was closed, and closes with the counter', () => {
    const { created, opener } = setup([laptop, facing]);
    opener.open();
    windowAt(created, 0).close();
    expect(opener.isOpen()).toBe(false);
    opener.open();
    expect(created).toHaveLength(2);
    opener.close();
    expect(windowAt(created, 1).destroyed).toBe(true);
    expect(opener.isOpen()).toBe(false);
  });
});
