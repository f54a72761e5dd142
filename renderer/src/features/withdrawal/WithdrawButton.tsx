import { useState } from 'react';
import { deskActorOf } from '../../lib/caseSteps';
import type { LocalCase } from '../../db/records';
import { useT } from '../../lib/i18n';
import { useSession } from '../../state/sessionState';
import { mayWithdraw } from './withdrawal';
import { WithdrawalDialog } from './WithdrawalDialog';

/** "撤回 Withdraw" on an open case the rule lets this person withdraw; it opens the signed withdrawal. */
export function WithdrawButton({ record, onWithdrawn }: { record: LocalCase; onWithdrawn: (record: LocalCase) => void }) {
  const t = useT();
  const session = useSession((s) => s.session);
  const [open, setOpen] = useState(false);
  if (!session || !mayWithdraw(record, deskActorOf(session.user))) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('withdraw.open')}
      </button>
      {open && (
        <WithdrawalDialog
          record={record}
          onCancel={() => setOpen(false)}
          onWithdrawn={(next) => {
            setOpen(false);
            onWithdrawn(next);
          }}
        />
      )}
    </>
  );
}
