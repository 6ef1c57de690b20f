/** The heading of a settings section and the sentence saying what it is for. */
import { Text, Title } from '@mantine/core';

export function SectionIntro({ id, title, intro, level = 2 }: { id: string; title: string; intro: string; level?: 2 | 3 }) {
  return (
    <div>
      <Title order={level} size={level === 2 ? 'h3' : 'h4'} id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
    </div>
  );
}
