import type { ReactNode } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { useAction } from '../lib/useAction';

/**
 * A button that makes one call to the core and nothing else (reopen, restore, contain): busy while
 * it runs, its result to `done`, a refusal shown as a notice (the page stays as it was).
 */
export function CallButton<T>({
  call,
  done,
  icon,
  variant = 'default',
  testId,
  children,
}: {
  call(): Promise<T>;
  done(result: T): void;
  icon?: ReactNode;
  variant?: ButtonProps['variant'];
  testId?: string;
  children: ReactNode;
}) {
  const action = useAction({ notify: true });
  return (
    <Button
      variant={variant}
      leftSection={icon}
      loading={action.busy}
      data-testid={testId}
      onClick={() =>
        void action.run(async () => {
          done(await call());
        })
      }
    >
      {children}
    </Button>
  );
}
