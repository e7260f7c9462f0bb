import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { adminSectionsFor } from "@/lib/admin/navigation";

export default async function AdminHome() {
  const [first] = adminSectionsFor(await requireActor("/admin"));
  if (first) redirect(first.href);
  return null;
}
