import { useId, useRef, useState, type DragEvent } from 'react';
import type { DraftSummary } from '../../../shared/api/drafts.ts';
import { ApiError } from '../../api/ApiError.ts';
import { importDraftFile } from '../../api/drafts.ts';
import { Icon } from '../../ui/Icon.tsx';
import { IMPORT_ACCEPT, importFormatFor } from './importFormats.ts';

export interface ImportDraftProps {
  onImported: (draft: DraftSummary) => void;
}

/**
 * Imports a Markdown, HTML or text file as a new draft, chosen with the file
 * picker or dropped on the zone. The server's refusal (too large, empty,
 * unsupported) is shown as it words it, in an alert.
 */
export function ImportDraft({ onImported }: ImportDraftProps) {
  const [isDragging, setDragging] = useState(false);
  const [busyWith, setBusyWith] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();

  const upload = async (file: File) => {
    setError(null);
    const format = importFormatFor(file.name);
    if (!format) {
      setError(`“${file.name}” is not a file Copydesk can import. Use a .md, .markdown, .html, .htm or .txt file.`);
      return;
    }
    setBusyWith(file.name);
    try {
      onImported(await importDraftFile(file, { format }));
    } catch (caught) {
      const reason = caught instanceof ApiError ? caught.message : 'Something went wrong.';
      setError(`Could not import “${file.name}”: ${reason}`);
    } finally {
      setBusyWith(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    if (files.length > 1) {
      setError('Drop one file at a time.');
      return;
    }
    void upload(files[0]!);
  };

  return (
    <section className="import" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="section-title">
        Import
      </h2>
      <div
        className={isDragging ? 'dropzone dropzone--active' : 'dropzone'}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <Icon name="upload" className="dropzone__icon" />
        <p className="dropzone__text" id={hintId}>
          Drop a Markdown, HTML or plain-text file here, or
        </p>
        <label className={busyWith ? 'button button--disabled' : 'button'} htmlFor={inputId}>
          Choose a file…
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="visually-hidden file-input"
          type="file"
          accept={IMPORT_ACCEPT}
          disabled={busyWith !== null}
          aria-describedby={hintId}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
          }}
        />
        <p className="dropzone__formats">.md, .markdown, .html, .htm or .txt</p>
      </div>
      <div role="status" aria-live="polite" className="import__status">
        {busyWith && `Importing “${busyWith}”…`}
      </div>
      {error && (
        <p className="alert" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
    </section>
  );
}
