-- CreateEnum
CREATE TYPE "TextScanState" AS ENUM ('PENDING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "sourceUrl" TEXT;

-- CreateTable
CREATE TABLE "ExternalIndexValue" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "value" DECIMAL(9,4) NOT NULL,
    "year" INTEGER NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExternalIndexValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceTextScan" (
    "evidenceId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "state" "TextScanState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "pageCount" INTEGER,
    "textChars" INTEGER,
    "foundNumber" TEXT,
    "foundDates" TEXT[],
    "error" TEXT,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scannedAt" TIMESTAMP(3),

    CONSTRAINT "EvidenceTextScan_pkey" PRIMARY KEY ("evidenceId")
);

-- CreateIndex
CREATE INDEX "ExternalIndexValue_evidenceId_idx" ON "ExternalIndexValue"("evidenceId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalIndexValue_periodId_indicatorId_key" ON "ExternalIndexValue"("periodId", "indicatorId");

-- CreateIndex
CREATE INDEX "EvidenceTextScan_state_queuedAt_idx" ON "EvidenceTextScan"("state", "queuedAt");

-- AddForeignKey
ALTER TABLE "ExternalIndexValue" ADD CONSTRAINT "ExternalIndexValue_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "AssessmentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalIndexValue" ADD CONSTRAINT "ExternalIndexValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "FrameworkNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalIndexValue" ADD CONSTRAINT "ExternalIndexValue_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceTextScan" ADD CONSTRAINT "EvidenceTextScan_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;
