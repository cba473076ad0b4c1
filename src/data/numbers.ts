/**
 * Does `text` state `value`? The number must stand on its own (not inside a longer number),
 * and a negative value must be worded as a fall, because the report writes 下降3.3%, never −3.3%.
 */
export function quoteStatesValue(text: string, value: number): boolean {
  const digits = String(Math.abs(value));
  const escaped = digits.replace('.', '\\.');
  const standalone = new RegExp(`(?<![0-9.])${escaped}(?![0-9]|\\.[0-9])`);
  const wordedAsFall = new RegExp(`(?:下降|减少|降低|下滑)${escaped}(?![0-9]|\\.[0-9])`);
  if (!standalone.test(text)) return false;
  return value < 0 ? /下降|减少|降低|下滑/.test(text) : !wordedAsFall.test(text);
}

/** Number of decimals written in a value, so derived differences can be rounded honestly. */
export function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}
