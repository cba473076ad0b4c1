/**
 * Fills {name} placeholders. Values are inserted by a replacer function, never as a replacement
 * string, so "$&", "$'" and "$$" in data stay literal.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template "${template}" needs a value for {${key}}`);
    return value;
  });
}

/** A copy label followed by its value, with the language's own colon: "数据表：…" or "Data table: …". */
export function labelled(label: string, value: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? `${label}：${value}` : `${label}: ${value}`;
}
