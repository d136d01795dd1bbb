import { MAX_PAGE_SIZE, Page, PageRequest } from '@dutyline/domain';

/** Every item of a paginated list, page after page (small lists: an account's people or teams). */
export async function allItems<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  do {
    const page: Page<T> = await list({ first: MAX_PAGE_SIZE, after });
    items.push(...page.items);
    after = page.nextCursor;
  } while (after !== null);
  return items;
}
