/** A basket as the rest of the program sees it, whatever file or preset it came from. */
export interface BasketDef {
  readonly id: string;
  readonly name: string;
  /** Normalised, unique, in the order written. */
  readonly symbols: readonly string[];
  /**
   * The target weight of each symbol, index by index with `symbols`: fractions
   * summing to 1 (within 1e-6), each above zero. Null when the config gives none.
   */
  readonly weights: readonly number[] | null;
  /**
   * The benchmark and its fallbacks, in order of preference (empty: none):
   * the first with data over the window is used.
   */
  readonly benchmarks: readonly string[];
  /** `preset`, or the path of the file that defines it. */
  readonly source: string;
}

/** Basket ids: a letter or digit, then letters, digits, `-`, `_` or `.`. */
export const BASKET_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The message for a basket with no symbols. */
export const EMPTY_BASKET = 'an empty basket: list at least one symbol';
