/** The page's colours, language and motion preference, as every organizer chart draws with them. */
export interface ChartTheme {
	ink: string;
	line: string;
	brand: string;
	muted: string;
	/** chart.js number and date formats */
	locale: 'fr-CA' | 'en-CA';
	/** none for people who ask for reduced motion */
	animation: false | { duration: number };
}
