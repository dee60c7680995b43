"use client";
// Last-resort error page when the root layout itself fails (e.g. the database is unreachable). It has no
// access to the locale, so it speaks both languages, and carries its own minimal styles.
import "./globals.css";

export default function GlobalError({ unstable_retry }: { error: unknown; unstable_retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="page">
          <title>Error · 出错了 · kubedrill</title>
          <div role="alert">
            <h1>Something went wrong</h1>
            <p>An unexpected error stopped kubedrill from loading. Please try again.</p>
            <h1 lang="zh-CN">出错了</h1>
            <p lang="zh-CN">发生意外错误，kubedrill 未能加载。请重试。</p>
            <button type="button" onClick={() => unstable_retry()}>
              Try again · 重试
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
