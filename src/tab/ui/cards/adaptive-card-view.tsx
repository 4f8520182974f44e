import { makeStyles, tokens } from '@fluentui/react-components';
import {
  AdaptiveCard,
  ExecuteAction,
  OpenUrlAction,
  SubmitAction,
  type Action,
} from 'adaptivecards';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAppContext } from '../../app/app-context';
import { hostConfigFor } from './host-config';
import { renderSafeMarkdown } from './safe-markdown';
import { fluentThemes } from '../../app/theme';
import { ErrorState } from '../state-views';

// Set once: every card's TextBlocks go through the escaping markdown subset, never raw HTML.
AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = renderSafeMarkdown(text);
  result.didProcess = true;
};

/**
 * What pressing a submit-like card button sends. The renderer has checked the card's inputs
 * first, and `data` is the action's data with every input's value merged in by its id.
 */
export interface CardSubmission {
  kind: 'Action.Submit' | 'Action.Execute';
  title: string | undefined;
  verb: string | undefined;
  data: unknown;
}

/** A submission's data as the object Teams sends to the bot (`{}` when the card gave none). */
export function submissionData(submission: CardSubmission): Record<string, unknown> {
  const { data } = submission;
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

const useStyles = makeStyles({
  host: {
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusLarge,
    overflow: 'hidden',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '& .ac-adaptiveCard': { borderRadius: tokens.borderRadiusLarge },
    '& .ac-textBlock a': { color: tokens.colorBrandForegroundLink },
    '& .ac-pushButton': {
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      minHeight: '32px',
      padding: `0 ${tokens.spacingHorizontalM}`,
      borderRadius: tokens.borderRadiusMedium,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      cursor: 'pointer',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    },
    '& .ac-pushButton:hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    '& .ac-pushButton.style-positive, & .ac-pushButton.primary': {
      backgroundColor: tokens.colorBrandBackground,
      border: `${tokens.strokeWidthThin} solid transparent`,
      color: tokens.colorNeutralForegroundOnBrand,
    },
    '& .ac-pushButton.style-destructive': { color: tokens.colorStatusDangerForeground3 },
    '& .ac-pushButton:focus-visible, & .ac-input:focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '1px',
    },
    '& .ac-input': {
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      boxSizing: 'border-box',
    },
    '& .ac-textInput, & .ac-numberInput, & .ac-dateInput, & .ac-timeInput': {
      minHeight: '32px',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      width: '100%',
    },
    '& .ac-textInput.ac-multiline': { minHeight: '96px', resize: 'vertical' },
    '& select.ac-input': { minHeight: '32px', padding: `0 ${tokens.spacingHorizontalS}` },
    // An expanded choice set is a group of radios or checkboxes, not a field: no box around it.
    '& .ac-input.ac-choiceSetInput-expanded, & .ac-input.ac-choiceSetInput-multiSelect': {
      border: 'none',
      backgroundColor: 'transparent',
      display: 'flex',
      flexDirection: 'column',
      gap: tokens.spacingVerticalXS,
    },
    '& .ac-choiceSetInput-expanded input, & .ac-choiceSetInput-multiSelect input': {
      accentColor: tokens.colorBrandBackground,
    },
  },
});

/**
 * Renders Adaptive Card JSON with the `adaptivecards` renderer in the tab's theme. Submit and
 * Execute buttons call `onSubmit` (the caller decides where it goes); Open URL opens http(s) links
 * only.
 */
export function AdaptiveCardView({
  card,
  label,
  onSubmit,
}: {
  card: Record<string, unknown>;
  label: string;
  onSubmit?: (submission: CardSubmission) => void;
}) {
  const styles = useStyles();
  const { theme } = useAppContext();
  const host = useRef<HTMLDivElement>(null);
  const onSubmitRef = useRef(onSubmit);
  onSubmitRef.current = onSubmit;
  const [failed, setFailed] = useState(false);
  // Polling hands over equal cards as new objects: re-render only when the content changes, so a
  // refresh never wipes what someone typed into a card.
  const json = useMemo(() => JSON.stringify(card), [card]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const adaptiveCard = new AdaptiveCard();
    adaptiveCard.hostConfig = hostConfigFor(fluentThemes[theme]);
    adaptiveCard.onExecuteAction = (action) => handleAction(action, onSubmitRef.current);
    try {
      adaptiveCard.parse(JSON.parse(json));
      const rendered = adaptiveCard.render();
      if (!rendered) throw new Error('nothing rendered');
      element.replaceChildren(rendered);
      setFailed(false);
    } catch {
      element.replaceChildren();
      setFailed(true);
    }
    return () => element.replaceChildren();
  }, [json, theme]);

  return (
    <>
      <div ref={host} className={styles.host} role="group" aria-label={label} hidden={failed} />
      {failed && (
        <ErrorState
          title="This card could not be shown"
          error={{ message: 'The renderer could not read this Adaptive Card.' }}
        />
      )}
    </>
  );
}

function handleAction(action: Action, onSubmit: ((s: CardSubmission) => void) | undefined) {
  if (action instanceof OpenUrlAction) {
    const url = action.url ?? '';
    if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
    return;
  }
  if (action instanceof ExecuteAction || action instanceof SubmitAction) {
    onSubmit?.({
      kind: action instanceof ExecuteAction ? 'Action.Execute' : 'Action.Submit',
      title: action.title,
      verb: action instanceof ExecuteAction ? action.verb : undefined,
      data: action.data,
    });
  }
}
