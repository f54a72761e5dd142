/**
 * The call's chime, played with WebAudio (two tones from an oscillator: no sound file to serve or
 * cache). Browsers keep audio suspended until a person interacts with the page; the hall's TV runs
 * Chromium with --autoplay-policy=no-user-gesture-required, and anywhere else one click on "enable
 * sound" resumes it.
 */
export interface Chime {
  /** True once the browser lets the page play sound. */
  readonly enabled: boolean;
  enable(): Promise<void>;
  play(): void;
  onChange(listener: () => void): void;
}

type AudioContextClass = new () => AudioContext;

function tone(context: AudioContext, frequency: number, startS: number, lengthS: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  const at = context.currentTime + startS;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.4, at + 0.03);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + lengthS);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(at);
  oscillator.stop(at + lengthS + 0.05);
}

export function createChime(Context: AudioContextClass | undefined = globalThis.AudioContext): Chime {
  const context = Context ? new Context() : undefined;
  return {
    get enabled() {
      return context?.state === 'running';
    },
    async enable() {
      await context?.resume();
    },
    play() {
      if (context?.state !== 'running') return;
      tone(context, 880, 0, 0.45);
      tone(context, 660, 0.5, 0.7);
    },
    onChange(listener) {
      context?.addEventListener('statechange', listener);
    },
  };
}
