import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Review mode's own state: which saved view is on screen. Never saved, never undone. */
export interface ReviewState {
  /** Index into the design's views, or null before the first is shown. */
  slide: number | null;
  setSlide(slide: number | null): void;
}

export const reviewStore = createStore<ReviewState>()((set) => ({
  slide: null,
  setSlide: (slide) => set({ slide }),
}));

export function useReview<T>(selector: (s: ReviewState) => T): T {
  return useStore(reviewStore, selector);
}
