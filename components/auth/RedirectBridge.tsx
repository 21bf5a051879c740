'use client';
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { loadRedirectBridge } from './load-redirect-bridge';

export function RedirectBridge() {
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    loadRedirectBridge()
      .then((broadcastResponseToMainFrame) => broadcastResponseToMainFrame())
      .catch((error: unknown) =>
        setProblem(error instanceof Error ? error.message : 'The sign-in response could not be read.'),
      );
  }, []);
  if (problem) {
    return (
      <p role="alert">
        Sign-in could not finish: {problem}{' '}
        <Link href="/" className="underline">
          Back to the start page
        </Link>
      </p>
    );
  }
  return <p>Finishing sign-in…</p>;
}
