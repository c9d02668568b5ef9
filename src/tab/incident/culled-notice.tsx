/** On a culled incident's page: when, by whom and in which scope a retention run culled it. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { RetentionMark } from '../../domain/incident';
import { stockholmDate } from '../../domain/stockholm-time';
import { useStrings } from '../i18n';
import { retentionStrings } from '../register/retention-strings';

export function CulledNotice({ retention }: { retention: RetentionMark }) {
  const t = useStrings(retentionStrings);
  return (
    <MessageBar intent="info" layout="multiline" data-testid="culled-notice">
      <MessageBarBody>
        {t.culledNotice(stockholmDate(retention.culledAt), retention.by.name)} {t.culledScope[retention.scope]}
      </MessageBarBody>
    </MessageBar>
  );
}
