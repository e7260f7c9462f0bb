-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "sharedWithInstansi" BOOLEAN NOT NULL DEFAULT false;

-- Regulations and decrees serve several units: shared with the instansi by default.
UPDATE "Evidence" SET "sharedWithInstansi" = true WHERE "documentType" IN ('PERATURAN', 'KEPUTUSAN');
