import { Alert } from '@mantine/core';
import type { FieldError } from '../lib/errors';

/** The server's refusals that name no field the form shows, above the form. */
export function FormErrors({ errors }: { errors: readonly FieldError[] }) {
  return (
    <>
      {errors.map((e) => (
        <Alert key={`${e.field ?? ''}:${e.message}`} color="red" role="alert">
          {e.message}
        </Alert>
      ))}
    </>
  );
}
