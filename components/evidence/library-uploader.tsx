"use client";

// The uploader on the library page: a finished upload refreshes the list.
import { useRouter } from "next/navigation";
import { EvidenceUploader } from "./evidence-uploader";
import type { ComponentProps } from "react";

export function LibraryUploader(props: Omit<ComponentProps<typeof EvidenceUploader>, "onUploaded">) {
  const router = useRouter();
  return <EvidenceUploader {...props} onUploaded={() => router.refresh()} />;
}
