import type { ReactElement } from 'react';
import { useState } from 'react';
import { Button, Confirm, useTranslate } from 'react-admin';
import { ActionErrorAlert } from './ActionErrorAlert';
import { useActionMutation } from './useActionMutation';

interface Props {
  label: string;
  icon?: ReactElement;
  color?: 'primary' | 'error' | 'warning' | 'success' | 'inherit';
  variant?: 'text' | 'outlined' | 'contained';
  action: string;
  /** The question: title and content, already translated. */
  title: string;
  content: string;
  done: string;
  send: () => Promise<unknown>;
  disabled?: boolean;
  size?: 'small' | 'medium' | 'large';
}

/** An action with nothing to type, asked once more before it is sent (approve, close, carry). */
export const ConfirmActionButton = ({
  label,
  icon,
  color = 'primary',
  variant,
  action,
  title,
  content,
  done,
  send,
  disabled,
  size,
}: Props) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending, error, clearError } = useActionMutation(send, { done, onDone: () => setOpen(false) });
  const close = () => {
    clearError();
    setOpen(false);
  };
  return (
    <>
      <Button
        label={label}
        color={color}
        variant={variant}
        size={size}
        onClick={() => setOpen(true)}
        data-action={action}
        disabled={disabled || isPending}
      >
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={title}
        content={
          <>
            {content}
            <ActionErrorAlert error={error} />
          </>
        }
        confirm={translate(label)}
        confirmColor={color === 'error' || color === 'warning' ? 'warning' : 'primary'}
        onConfirm={() => mutate(undefined)}
        onClose={close}
      />
    </>
  );
};
