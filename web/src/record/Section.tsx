/** A titled panel of the record page. */
import { Group, Paper, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export function Section({ title, actions, children, testId }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  const titleId = useId();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId} data-testid={testId}>
      <Group justify="space-between" mb="md" wrap="nowrap" gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
