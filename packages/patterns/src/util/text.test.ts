import { describe, expect, it } from 'vitest';
import { inSentence, withArticle } from './text';

describe('labels in sentences', () => {
  it.each([
    ['Dead-letter queue', 'dead-letter queue', 'a dead-letter queue'],
    ['API gateway', 'API gateway', 'an API gateway'],
    ['VPC', 'VPC', 'a VPC'],
    ['NoSQL table', 'NoSQL table', 'a NoSQL table'],
    ['Event bus', 'event bus', 'an event bus'],
    ['SQL database', 'SQL database', 'a SQL database'],
    ['Object storage', 'object storage', 'an object storage'],
  ])('%s', (label, sentence, article) => {
    expect(inSentence(label)).toBe(sentence);
    expect(withArticle(label)).toBe(article);
  });
});
