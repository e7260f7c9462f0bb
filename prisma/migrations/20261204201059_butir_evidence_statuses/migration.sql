-- CreateEnum
CREATE TYPE "ButirStatusOrigin" AS ENUM ('REVIEW', 'IMPORT');

-- CreateTable
CREATE TABLE "ButirEvidence" (
    "answerId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "butirCode" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ButirEvidence_pkey" PRIMARY KEY ("answerId","butirCode","evidenceId")
);

-- CreateTable
CREATE TABLE "ButirStatusRound" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "stage" "AnswerStage" NOT NULL,
    "round" INTEGER NOT NULL,
    "origin" "ButirStatusOrigin" NOT NULL DEFAULT 'REVIEW',
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ButirStatusRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ButirStatus" (
    "roundId" TEXT NOT NULL,
    "butirCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "kind" TEXT,
    "note" TEXT,
    "automatic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ButirStatus_pkey" PRIMARY KEY ("roundId","butirCode")
);

-- CreateIndex
CREATE INDEX "ButirEvidence_evidenceId_idx" ON "ButirEvidence"("evidenceId");

-- CreateIndex
CREATE INDEX "ButirStatusRound_periodId_stage_idx" ON "ButirStatusRound"("periodId", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "ButirStatusRound_periodId_indicatorId_stage_round_key" ON "ButirStatusRound"("periodId", "indicatorId", "stage", "round");

-- AddForeignKey
ALTER TABLE "ButirEvidence" ADD CONSTRAINT "ButirEvidence_answerId_evidenceId_fkey" FOREIGN KEY ("answerId", "evidenceId") REFERENCES "AnswerEvidence"("answerId", "evidenceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ButirEvidence" ADD CONSTRAINT "ButirEvidence_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ButirStatusRound" ADD CONSTRAINT "ButirStatusRound_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "AssessmentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ButirStatusRound" ADD CONSTRAINT "ButirStatusRound_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "FrameworkNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ButirStatus" ADD CONSTRAINT "ButirStatus_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ButirStatusRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
