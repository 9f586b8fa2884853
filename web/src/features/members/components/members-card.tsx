import { useState } from 'react';
import { Card } from '@/components/card';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { formatCount } from '@/lib/format';
import { useMembers } from '../api/get-members';
import { MemberRow } from './member-row';
import { TableWrap } from '@/components/table-wrap';

export function MembersCard({ storeId, canManage }: { storeId: string; canManage: boolean }) {
  const members = useMembers(storeId);
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<string>();

  function report(outcome: { notice?: string; problem?: string }) {
    setNotice(outcome.notice);
    setProblem(outcome.problem);
  }

  return (
    <Card
      title="Team"
      description={members.data ? formatCount(members.data.length, 'member') : undefined}
    >
      <StatusMessage>{notice}</StatusMessage>
      <ErrorBanner>{problem}</ErrorBanner>
      <QueryState query={members} loading="Loading members…">
        {(data) => (
          <TableWrap label="Members">
            <table className="table" aria-label="Members">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Joined</th>
                  {canManage && (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.map((member) => (
                  <MemberRow
                    key={member.userId}
                    storeId={storeId}
                    member={member}
                    canManage={canManage}
                    onOutcome={report}
                  />
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryState>
    </Card>
  );
}
