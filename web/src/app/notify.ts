/** Short-lived messages in the corner of the screen, after an action succeeded or failed. */
import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/i18n.ts';
import { errorMessage } from './formErrors.ts';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}

/** Shows why an action failed, in the API's words. */
export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', title: i18n.t('errors.actionFailed'), message: errorMessage(error) });
}
