import { useState } from 'react';
import type { PackageExportResult } from '@shared/packages/api';
import { useDownload, type DownloadState } from '../export/useDownload';

/** A package card's export: saved as every export is, and kept to say what was made (its checksum). */
export function useMadePackage(): {
  readonly made: PackageExportResult | null;
  readonly download: DownloadState;
  readonly make: (request: () => Promise<PackageExportResult>) => void;
} {
  const [made, setMade] = useState<PackageExportResult | null>(null);
  const download = useDownload();
  const make = (request: () => Promise<PackageExportResult>) =>
    void download.run(async () => {
      setMade(null);
      const result = await request();
      setMade(result);
      return result;
    });
  return { made, download, make };
}
