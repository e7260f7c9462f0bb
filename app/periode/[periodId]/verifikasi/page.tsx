import { redirect } from "next/navigation";

// The verification queue is the indicator list filtered to what waits for verification
// (unit, domain and status filters included), so there is one list to keep right.
export default async function VerificationQueue({ params }: { params: Promise<{ periodId: string }> }) {
  const { periodId } = await params;
  redirect(`/periode/${encodeURIComponent(periodId)}/indikator?status=SUBMITTED`);
}
