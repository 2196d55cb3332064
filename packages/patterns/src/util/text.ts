/**
 * A kind label as it reads inside a sentence: "Dead-letter queue" -> "dead-letter queue", while
 * acronyms stay as written ("API gateway", "VPC", "NoSQL table").
 */
export function inSentence(label: string): string {
  const first = label.split(/[\s-]/)[0] ?? '';
  const capitals = first.replace(/[^A-Z]/g, '').length;
  return capitals === 1 && first[0] === first[0]?.toUpperCase()
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

/** "a queue", "an API gateway", "a VPC", "an event bus". */
export function withArticle(label: string): string {
  const text = inSentence(label);
  const first = text.split(/[\s-]/)[0] ?? '';
  const acronym = first.length > 1 && first === first.toUpperCase();
  const vowelSound = acronym ? /^[AEFHILMNORX]/.test(first) : /^[aeiou]/i.test(text);
  return `${vowelSound ? 'an' : 'a'} ${text}`;
}

/** Upper-cases the first character of a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
