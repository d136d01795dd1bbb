import { FactoryProvider, InjectionToken as NestInjectionToken, ValueProvider } from '@nestjs/common';

/**
 * A Nest injection token that remembers the type it stands for (STYLE habit 8: typed tokens next to
 * the port, never string keys). Inject with `@Inject(TOKEN) readonly x: TheType`; build providers
 * with `provideValue` / `provideFactory` so the compiler checks what is bound.
 */
export type Token<T> = symbol & { readonly __provides?: T };

export const token = <T>(description: string): Token<T> => Symbol(description) as Token<T>;

export const provideValue = <T>(provide: Token<T>, useValue: T): ValueProvider<T> => ({ provide, useValue });

type Tokens<D extends readonly unknown[]> = { readonly [K in keyof D]: Token<D[K]> | NestInjectionToken };

/** A factory provider whose arguments are the values of `inject`, in order, with their types. */
export function provideFactory<T, D extends readonly unknown[] = []>(
  provide: Token<T>,
  inject: Tokens<D>,
  useFactory: (...deps: D) => T | Promise<T>,
): FactoryProvider<T> {
  return {
    provide,
    inject: [...inject] as NestInjectionToken[],
    useFactory: useFactory as unknown as (...args: unknown[]) => T,
  };
}
