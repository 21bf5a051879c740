'use client';
import { useEffect, useState } from 'react';
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
        <a href="/" className="underline">
          Back to the start page
        </a>
      </p>
    );
  }
  return <p>Finishing sign-in…</p>;
}
