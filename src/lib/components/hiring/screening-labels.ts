import { m } from '$lib/paraglide/messages';
import { formatList } from '$lib/labels';
import type {
	Education,
	PositionRules,
	SalesKind,
	ScreeningFlag,
	ScreeningProblem
} from '$lib/engine/hiring/screening';

/** Message lookups for the screening's codes. */
export function salesKindLabel(kind: SalesKind): string {
	return {
		store: m.screening_kind_store,
		'door-to-door': m.screening_kind_door_to_door,
		phone: m.screening_kind_phone,
		mixed: m.screening_kind_mixed,
		other: m.screening_kind_other
	}[kind]();
}

export function educationLabel(education: Education | null): string {
	if (education === null) return m.screening_not_recorded();
	return {
		'junior-high': m.screening_edu_junior_high,
		'high-school': m.screening_edu_high_school,
		college: m.screening_edu_college,
		university: m.screening_edu_university,
		graduate: m.screening_edu_graduate
	}[education]();
}

export function yearsLabel(years: number | null): string {
	return years === null ? m.screening_not_recorded() : m.screening_years_value({ years });
}

/** Why a candidate is flagged, in words ("Under the sales experience asked: 0.5 yr of 1 yr"). */
export function flagLabel(flag: ScreeningFlag): string {
	switch (flag.rule) {
		case 'sales-years':
			return flag.years === null
				? m.screening_flag_years_unknown({ min: flag.min })
				: m.screening_flag_years({ min: flag.min, years: flag.years });
		case 'education':
			return flag.education === null
				? m.screening_flag_education_unknown({ min: educationLabel(flag.min) })
				: m.screening_flag_education({ min: educationLabel(flag.min) });
		case 'language':
			return m.screening_flag_language({ language: flag.language });
	}
}

/** A position's rules in a few words, or "no rules". */
export function rulesLabel(rules: PositionRules | null): string {
	const parts: (string | null)[] = [
		rules?.minSalesYears ? m.positions_rule_years({ min: rules.minSalesYears }) : null,
		rules?.minEducation
			? m.positions_rule_education({ min: educationLabel(rules.minEducation) })
			: null,
		rules?.requiredLanguage ? m.positions_rule_language({ language: rules.requiredLanguage }) : null
	];
	const said = parts.filter((part): part is string => part !== null);
	return said.length > 0 ? formatList(said) : m.screening_no_rules();
}

export function screeningProblemLabel(problem: ScreeningProblem): string {
	return {
		years: m.screening_problem_years,
		kinds: m.screening_problem_kinds,
		education: m.screening_problem_education,
		languages: m.screening_problem_languages,
		availability: m.screening_problem_availability,
		manner: m.screening_problem_manner
	}[problem]();
}
