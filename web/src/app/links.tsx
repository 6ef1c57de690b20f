/** Mantine's anchors and nav links, made into TanStack Router links (typed `to`, client-side navigation). */
import { Anchor, Group, NavLink, type AnchorProps, type NavLinkProps } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type MantineAnchorProps = Omit<AnchorProps, 'href'> & Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>;

function MantineAnchor(props: MantineAnchorProps) {
  return <Anchor {...props} />;
}

const CreatedAnchorLink = createLink(MantineAnchor);

/** An inline link to a page of the app. */
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <CreatedAnchorLink preload="intent" {...props} />;

function MantineBackAnchor({ children, ...props }: MantineAnchorProps) {
  return (
    <Anchor size="sm" {...props}>
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {children}
      </Group>
    </Anchor>
  );
}

const CreatedBackLink = createLink(MantineBackAnchor);

/** The "← back to the list" link above a page. */
export const BackLink: LinkComponent<typeof MantineBackAnchor> = (props) => <CreatedBackLink preload="intent" {...props} />;

type MantineNavLinkProps = Omit<NavLinkProps, 'href'> & Omit<ComponentPropsWithRef<'a'>, 'color' | 'style' | 'onChange'>;

function MantineNavLink(props: MantineNavLinkProps) {
  return <NavLink component="a" {...props} />;
}

const CreatedNavLink = createLink(MantineNavLink);

/** An entry of the side navigation. */
export const NavLinkItem: LinkComponent<typeof MantineNavLink> = (props) => <CreatedNavLink preload="intent" {...props} />;
