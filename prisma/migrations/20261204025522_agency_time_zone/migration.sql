-- CreateEnum
CREATE TYPE "AgencyTimeZone" AS ENUM ('WIB', 'WITA', 'WIT');

-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN     "timeZone" "AgencyTimeZone" NOT NULL DEFAULT 'WIB';
