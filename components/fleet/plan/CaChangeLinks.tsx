import Link from 'next/link';
import { Replace, Trash2 } from 'lucide-react';
import { CertText } from '@/components/ui/CertText';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';

/** A fleet change that starts from one CA: replace it everywhere (rotation) or remove it from every cluster. */
export function CaChangeLinks({ sha256, name }: { sha256: string; name: string }) {
  const label = (
    <span className="sr-only">
      {' '}
      (<CertText value={name} />)
    </span>
  );
  return (
    <div className="flex flex-wrap gap-2">
      <Link href={`/fleet/new?kind=replace&from=${sha256}`} className={SECONDARY_BUTTON} data-testid="replace-ca">
        <Replace aria-hidden="true" className="h-4 w-4" /> Replace this CA…{label}
      </Link>
      <Link
        href={`/fleet/new?kind=remove&remove=${sha256}&trusts=${sha256}`}
        className={SECONDARY_BUTTON}
        data-testid="remove-ca"
      >
        <Trash2 aria-hidden="true" className="h-4 w-4" /> Remove from every cluster…{label}
      </Link>
    </div>
  );
}
