import { describe, expect, it } from 'vitest';
import { camelIdentifier, NameAllocator, pascalIdentifier, snakeIdentifier } from './names';

describe('identifiers from node ids', () => {
  it.each([
    ['orders-db', 'orders_db', 'OrdersDb', 'ordersDb'],
    ['3tier', 'n_3tier', 'N3tier', 'n3tier'],
    ['a_b-c', 'a_b_c', 'ABC', 'aBC'],
  ])('%s', (id, snake, pascal, camel) => {
    expect(snakeIdentifier(id)).toBe(snake);
    expect(pascalIdentifier(id)).toBe(pascal);
    expect(camelIdentifier(id)).toBe(camel);
  });

  it('keeps names unique when two ids collide, and stable per key', () => {
    const names = new NameAllocator(snakeIdentifier);
    expect(names.name('orders-db')).toBe('orders_db');
    expect(names.name('orders_db')).toBe('orders_db_2');
    expect(names.name('orders-db')).toBe('orders_db');
  });
});
