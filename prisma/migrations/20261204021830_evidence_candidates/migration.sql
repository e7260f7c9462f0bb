-- CreateTable
CREATE TABLE "EvidenceCandidate" (
    "periodId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "sourceCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceCandidate_pkey" PRIMARY KEY ("periodId","indicatorId","evidenceId")
);

-- AddForeignKey
ALTER TABLE "EvidenceCandidate" ADD CONSTRAINT "EvidenceCandidate_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "AssessmentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceCandidate" ADD CONSTRAINT "EvidenceCandidate_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "FrameworkNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceCandidate" ADD CONSTRAINT "EvidenceCandidate_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;
