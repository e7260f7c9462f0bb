import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { getMessages } from "@/lib/i18n/locale";
import { listLatestFrameworkVersions } from "@/lib/framework-versions/store";
import { levelCriteria } from "@/lib/framework/catalog";
import { isIndicatorNode, type FrameworkDefinition, type FrameworkNode, type IndicatorNode } from "@/lib/framework/schema";
import { CalculatorProvider } from "@/components/calculator/calculator-context";
import { LevelOption } from "@/components/calculator/level-option";
import { ValueInput } from "@/components/calculator/value-input";
import { NodeIndex } from "@/components/calculator/node-index";
import { CalculationTrail, MobileIndexBar, ResultPanel } from "@/components/calculator/result-panel";
import { fill } from "@/lib/i18n/format";
import { WordingMark } from "@/components/framework/criteria-list";
import { FrameworkStatus } from "@/components/framework/framework-status";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("calculator");
export const dynamic = "force-dynamic";

/** The engine needs the tree, weights, bands and scoring rules, not the texts the server renders. */
function withoutTexts(definition: FrameworkDefinition): FrameworkDefinition {
  const strip = (node: FrameworkNode): FrameworkNode => {
    if (!isIndicatorNode(node)) return { ...node, children: node.children.map(strip) };
    const { kind, number, code, name, weight, levelScale } = node;
    return { kind, number, code, name, weight, levelScale, question: null, criteria: {} };
  };
  const { code, name, regulation, status, usedForYears, valueScale, nodeKinds, predicates, scoring } = definition;
  return {
    code, name, regulation, status, usedForYears, valueScale, nodeKinds, predicates,
    ...(scoring ? { scoring: { unansweredValue: scoring.unansweredValue } } : {}),
    levelScales: [],
    nodes: definition.nodes.map(strip),
  };
}

/** The framework in force this year when one is, else the newest: what a visitor most likely wants. */
function defaultFramework<T extends { definition: FrameworkDefinition }>(versions: readonly T[], year: number): T | undefined {
  return versions.find((version) => version.definition.usedForYears.includes(year)) ?? versions[versions.length - 1];
}

export default async function CalculatorPage({ searchParams }: { searchParams: Promise<{ kerangka?: string }> }) {
  const { m } = await getMessages();
  const labels = m.calculator;
  const { kerangka } = await searchParams;
  const versions = await listLatestFrameworkVersions(db);
  if (versions.length === 0) return <p>{labels.noFrameworks}</p>;
  const selected = kerangka
    ? versions.find((version) => version.definition.code === kerangka)
    : defaultFramework(versions, new Date().getFullYear());
  if (!selected) notFound();
  const framework = selected.definition;

  const renderIndicator = (indicator: IndicatorNode) => (
    <article key={indicator.code} id={`indikator-${indicator.number}`} className="rounded-lg border border-slate-200 bg-white p-4" data-indicator={indicator.number}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="font-semibold">
          {indicator.number}. {indicator.name}
        </h4>
        <span className="text-xs text-slate-600">{labels.weight} {indicator.weight.replace(".", ",")}%</span>
      </header>
      {indicator.question && <p className="mt-1 text-sm text-slate-700">{indicator.question}</p>}
      {indicator.description && <p className="mt-1 text-sm text-slate-700">{indicator.description}</p>}
      {framework.valueScale.integer ? (
        <fieldset className="mt-3 space-y-2">
          <legend className="sr-only">{labels.level} {indicator.number}</legend>
          <LevelOption number={indicator.number} level={null}>
            <span className="text-slate-600">{labels.notAnswered}</span>
          </LevelOption>
          {levelCriteria(framework, indicator).map((criterion) => (
            <LevelOption key={criterion.level} number={indicator.number} level={String(criterion.level)}>
              <span className="font-medium">
                {labels.level} {criterion.level} · {criterion.name}
              </span>
              <WordingMark standing={criterion.standing} labels={m.criteria} />
              <span className="mt-0.5 block text-slate-700">{criterion.text}</span>
            </LevelOption>
          ))}
        </fieldset>
      ) : (
        <div className="mt-3 grid gap-3 md:grid-cols-[auto_1fr]">
          <ValueInput
            number={indicator.number}
            label={labels.valueLabel}
            hint={labels.valueHint}
            invalidMessage={fill(labels.invalidValue, { min: framework.valueScale.min, max: framework.valueScale.max })}
          />
          <ol className="space-y-1 text-sm text-slate-700">
            {levelCriteria(framework, indicator).map((criterion) => (
              <li key={criterion.level}>
                <span className="font-medium">{labels.level} {criterion.level} · {criterion.name}:</span>
                <WordingMark standing={criterion.standing} labels={m.criteria} /> {criterion.text}
              </li>
            ))}
          </ol>
        </div>
      )}
    </article>
  );

  const renderNode = (node: FrameworkNode, depth: number) => {
    if (isIndicatorNode(node)) return renderIndicator(node);
    const Heading = depth === 0 ? "h2" : "h3";
    return (
      <section key={node.code} aria-labelledby={`simpul-${node.code}`} className="space-y-3">
        <div className={`flex flex-wrap items-center justify-between gap-2 rounded-md px-3 py-2 ${depth === 0 ? "bg-brand-100" : "bg-slate-100"}`}>
          <Heading id={`simpul-${node.code}`} className={depth === 0 ? "text-lg font-semibold text-brand-900" : "font-semibold"}>
            {node.code} · {node.name}{" "}
            <span className="text-sm font-normal text-slate-600">({labels.weight} {node.weight.replace(".", ",")}%)</span>
          </Heading>
          <NodeIndex code={node.code} label={labels.index} />
        </div>
        <div className="space-y-3">{node.children.map((child) => renderNode(child, depth + 1))}</div>
      </section>
    );
  };

  return (
    <div className="space-y-6 pb-16 lg:pb-0">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-900">{labels.title}</h1>
        <p className="max-w-3xl text-slate-700">{labels.intro}</p>
        <p className="max-w-3xl text-sm text-slate-600">{labels.levelsCumulative}</p>
      </div>

      <nav aria-label={labels.frameworkLabel} className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">{labels.frameworkLabel}:</span>
        {versions.map(({ definition }) => {
          const isCurrent = definition.code === framework.code;
          return (
            <Link
              key={definition.code}
              href={`/kalkulator?kerangka=${definition.code}`}
              aria-current={isCurrent ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${isCurrent ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
            >
              {definition.name}
              {definition.status === "provisional" && ` (${m.home.provisional})`}
            </Link>
          );
        })}
      </nav>

      <FrameworkStatus framework={framework} labels={m.criteria} showRules />
      {framework.status === "provisional" && <p className="max-w-3xl text-sm text-slate-600" data-testid="catatan-versi">{m.versionMove.calculatorNote}</p>}

      <CalculatorProvider
        key={`${framework.code}:v${selected.version}`}
        framework={withoutTexts(framework)}
        storageKey={`spbe-kalkulator:${framework.code}:v${selected.version}`}
      >
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <div className="space-y-6">{framework.nodes.map((node) => renderNode(node, 0))}</div>
          <aside className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
            <ResultPanel labels={labels} nodeKindLabels={m.nodeKinds} />
            <CalculationTrail labels={labels} />
          </aside>
        </div>
        <MobileIndexBar labels={labels} />
      </CalculatorProvider>
    </div>
  );
}
