import { FileImageOutlined, FileOutlined } from '@ant-design/icons';
import type { Attachment } from '@unionhub/contracts';
import type { DownloadedFile } from '../../../lib/api';

/** Files of a request: opened through the signed-in client as a blob (the API needs the token). */
export function RequestFiles({
  files,
  open,
}: {
  files: readonly Attachment[];
  open: (attachment: Attachment) => Promise<DownloadedFile>;
}) {
  if (files.length === 0) return null;
  const show = async (attachment: Attachment) => {
    const win = window.open('', '_blank');
    const { blob } = await open(attachment);
    const url = URL.createObjectURL(blob);
    if (win) win.location.href = url;
    else window.location.href = url;
  };
  return (
    <ul className="uh-files">
      {files.map((f) => (
        <li key={f.id}>
          <button type="button" className="uh-file-link" onClick={() => void show(f)}>
            {f.kind === 'image' ? <FileImageOutlined /> : <FileOutlined />} {f.filename}
          </button>
        </li>
      ))}
    </ul>
  );
}
