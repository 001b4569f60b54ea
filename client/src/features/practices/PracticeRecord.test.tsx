import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { makePracticeThread } from "./test/fixtures";
import { PracticeFacts } from "./PracticeRecord";

function facts(amount: number) {
  const { practice } = makePracticeThread();
  render(
    <MemoryRouter>
      <PracticeFacts practice={{ ...practice, cost: { amount, source: "APBD" } }} />
    </MemoryRouter>,
  );
  return screen.getByTestId("practice-cost");
}

describe("PracticeFacts", () => {
  it("says a practice cost nothing without naming a funding source", () => {
    const cost = facts(0);
    expect(cost).toHaveTextContent("Tanpa biaya");
    expect(cost).not.toHaveTextContent("APBD");
  });

  it("names the funding source of a practice that cost something", () => {
    expect(facts(350_000_000)).toHaveTextContent("APBD");
  });
});
