/** The office calendar 2024–2027 as published (行政機關辦公日曆表); parsed by OfficeCalendar.fromData. */
export const officeCalendarData: unknown = {
 "version": "2024-2027.1",
 "source": "中華民國政府行政機關辦公日曆表 (Directorate-General of Personnel Administration, open data set 14718), as mirrored in the public repository vancetang/taiwan-office-calendar (opendata/holiday/YYYY.json)",
 "rule": "A date is a working day when it is Monday-Friday and not in weekdayHolidays, or when it is in makeUpWorkdays. Dates are YYYY-MM-DD in Asia/Taipei.",
 "years": {
  "2024": {
   "weekdayHolidays": [
    {
     "date": "2024-01-01",
     "name": "中華民國開國紀念日",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2024-02-08",
     "name": "農曆除夕（補假）",
     "category": "調整放假日"
    },
    {
     "date": "2024-02-09",
     "name": "農曆除夕",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2024-02-12",
     "name": "春節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2024-02-13",
     "name": "春節（補假）",
     "category": "補假"
    },
    {
     "date": "2024-02-14",
     "name": "春節（補假）",
     "category": "補假"
    },
    {
     "date": "2024-02-28",
     "name": "和平紀念日",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2024-04-04",
     "name": "兒童節及民族掃墓節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2024-04-05",
     "name": "兒童節及民族掃墓節（補假）",
     "category": "補假"
    },
    {
     "date": "2024-05-01",
     "name": "勞動節",
     "category": "特定節日"
    },
    {
     "date": "2024-06-10",
     "name": "端午節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2024-09-17",
     "name": "中秋節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2024-10-10",
     "name": "國慶日",
     "category": "放假之紀念日及節日"
    }
   ],
   "makeUpWorkdays": [
    {
     "date": "2024-02-17",
     "name": "補行上班日"
    }
   ]
  },
  "2025": {
   "weekdayHolidays": [
    {
     "date": "2025-01-01",
     "name": "中華民國開國紀念日",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2025-01-27",
     "name": "農曆除夕（補假）",
     "category": "調整放假日"
    },
    {
     "date": "2025-01-28",
     "name": "農曆除夕",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2025-01-29",
     "name": "春節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2025-01-30",
     "name": "春節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2025-01-31",
     "name": "春節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2025-02-28",
     "name": "和平紀念日",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2025-04-03",
     "name": "兒童節及民族掃墓節（補假）",
     "category": "補假"
    },
    {
     "date": "2025-04-04",
     "name": "兒童節及民族掃墓節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2025-05-01",
     "name": "勞動節",
     "category": "特定節日"
    },
    {
     "date": "2025-05-30",
     "name": "端午節（補假）",
     "category": "補假"
    },
    {
     "date": "2025-09-29",
     "name": "孔子誕辰紀念日/教師節（補假）",
     "category": "補假"
    },
    {
     "date": "2025-10-06",
     "name": "中秋節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2025-10-10",
     "name": "國慶日",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2025-10-24",
     "name": "臺灣光復暨金門古寧頭大捷紀念日（補假）",
     "category": "補假"
    },
    {
     "date": "2025-12-25",
     "name": "行憲紀念日",
     "category": "放假之紀念日及節日"
    }
   ],
   "makeUpWorkdays": [
    {
     "date": "2025-02-08",
     "name": "補行上班日"
    }
   ]
  },
  "2026": {
   "weekdayHolidays": [
    {
     "date": "2026-01-01",
     "name": "中華民國開國紀念日",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2026-02-16",
     "name": "農曆除夕",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2026-02-17",
     "name": "春節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2026-02-18",
     "name": "春節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2026-02-19",
     "name": "春節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2026-02-20",
     "name": "小年夜（補假）",
     "category": "補假"
    },
    {
     "date": "2026-02-27",
     "name": "和平紀念日（補假）",
     "category": "補假"
    },
    {
     "date": "2026-04-03",
     "name": "兒童節（補假）",
     "category": "補假"
    },
    {
     "date": "2026-04-06",
     "name": "清明節（補假）",
     "category": "補假"
    },
    {
     "date": "2026-05-01",
     "name": "勞動節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2026-06-19",
     "name": "端午節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2026-09-25",
     "name": "中秋節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2026-09-28",
     "name": "孔子誕辰紀念日/教師節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2026-10-09",
     "name": "國慶日（補假）",
     "category": "補假"
    },
    {
     "date": "2026-10-26",
     "name": "臺灣光復暨金門古寧頭大捷紀念日（補假）",
     "category": "補假"
    },
    {
     "date": "2026-12-25",
     "name": "行憲紀念日",
     "category": "放假之紀念日及節日"
    }
   ],
   "makeUpWorkdays": []
  },
  "2027": {
   "weekdayHolidays": [
    {
     "date": "2027-01-01",
     "name": "中華民國開國紀念日",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2027-02-04",
     "name": "小年夜",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2027-02-05",
     "name": "農曆除夕",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2027-02-08",
     "name": "春節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2027-02-09",
     "name": "春節（補假）",
     "category": "補假"
    },
    {
     "date": "2027-02-10",
     "name": "春節（補假）",
     "category": "補假"
    },
    {
     "date": "2027-03-01",
     "name": "和平紀念日（補假）",
     "category": "補假"
    },
    {
     "date": "2027-04-05",
     "name": "清明節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2027-04-06",
     "name": "兒童節（補假）",
     "category": "補假"
    },
    {
     "date": "2027-04-30",
     "name": "勞動節（補假）",
     "category": "補假"
    },
    {
     "date": "2027-06-09",
     "name": "",
     "category": "星期六、星期日"
    },
    {
     "date": "2027-09-15",
     "name": "中秋節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2027-09-28",
     "name": "孔子誕辰紀念日/教師節",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2027-10-11",
     "name": "國慶日（補假）",
     "category": "補假"
    },
    {
     "date": "2027-10-25",
     "name": "臺灣光復暨金門古寧頭大捷紀念日",
     "category": "放假之紀念日及節日"
    },
    {
     "date": "2027-12-24",
     "name": "行憲紀念日（補假）",
     "category": "補假"
    },
    {
     "date": "2027-12-31",
     "name": "",
     "category": "補假"
    }
   ],
   "makeUpWorkdays": []
  }
 }
};
