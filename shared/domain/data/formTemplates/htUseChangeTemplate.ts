/** The report of a change in the use of a house (房屋使用情形變更申報書): layout as data, parsed by formTemplateSchema (shared/domain/formTemplate.ts). */
export const htUseChangeTemplate: unknown = {
  "id": "ht-use-change",
  "titleZh": "房屋使用情形變更申報書",
  "titleEn": "Report of a change in the use of a house",
  "page": "A4",
  "texts": [
    {
      "text": "基隆市稅務局",
      "x": 15,
      "y": 14,
      "fontSize": 11
    },
    {
      "text": "房屋使用情形變更申報書",
      "x": 15,
      "y": 24,
      "fontSize": 18
    },
    {
      "text": "Report of a change in the use of a house",
      "x": 15,
      "y": 31,
      "fontSize": 9
    },
    {
      "text": "申請人姓名",
      "x": 17,
      "y": 46,
      "fontSize": 10
    },
    {
      "text": "Applicant",
      "x": 17,
      "y": 51,
      "fontSize": 7
    },
    {
      "text": "身分證統一編號",
      "x": 17,
      "y": 60,
      "fontSize": 10
    },
    {
      "text": "ID number",
      "x": 17,
      "y": 65,
      "fontSize": 7
    },
    {
      "text": "地址",
      "x": 17,
      "y": 74,
      "fontSize": 10
    },
    {
      "text": "Address",
      "x": 17,
      "y": 79,
      "fontSize": 7
    },
    {
      "text": "電話",
      "x": 17,
      "y": 94,
      "fontSize": 10
    },
    {
      "text": "Phone",
      "x": 17,
      "y": 99,
      "fontSize": 7
    },
    {
      "text": "申請項目",
      "x": 17,
      "y": 108,
      "fontSize": 10
    },
    {
      "text": "Service",
      "x": 17,
      "y": 113,
      "fontSize": 7
    },
    {
      "text": "房屋稅籍編號",
      "x": 17,
      "y": 122,
      "fontSize": 10
    },
    {
      "text": "House tax register no.",
      "x": 17,
      "y": 127,
      "fontSize": 7
    },
    {
      "text": "變更使用日期",
      "x": 17,
      "y": 136,
      "fontSize": 10
    },
    {
      "text": "Use changed on",
      "x": 17,
      "y": 141,
      "fontSize": 7
    },
    {
      "text": "變更後用途",
      "x": 17,
      "y": 150,
      "fontSize": 10
    },
    {
      "text": "New use",
      "x": 17,
      "y": 155,
      "fontSize": 7
    },
    {
      "text": "以上所填屬實，如有不實，願負法律責任。",
      "x": 15,
      "y": 168,
      "fontSize": 10
    },
    {
      "text": "I declare the above true and complete.",
      "x": 15,
      "y": 173,
      "fontSize": 7
    },
    {
      "text": "申請人簽章",
      "x": 15,
      "y": 186,
      "fontSize": 10
    },
    {
      "text": "Applicant's signature",
      "x": 15,
      "y": 191,
      "fontSize": 7
    },
    {
      "text": "申請日期",
      "x": 128,
      "y": 186,
      "fontSize": 10
    },
    {
      "text": "Filed on",
      "x": 128,
      "y": 191,
      "fontSize": 7
    },
    {
      "text": "本表由櫃台依申請人所述套印，請申請人核對無誤後簽章。",
      "x": 15,
      "y": 285,
      "fontSize": 8
    },
    {
      "text": "Pre-filled at the counter from what the applicant said; check it before you sign.",
      "x": 15,
      "y": 289,
      "fontSize": 7
    }
  ],
  "lines": [
    {
      "x1": 15,
      "y1": 40,
      "x2": 195,
      "y2": 40,
      "thickness": 1
    },
    {
      "x1": 15,
      "y1": 54,
      "x2": 195,
      "y2": 54,
      "thickness": 0.5
    },
    {
      "x1": 15,
      "y1": 68,
      "x2": 195,
      "y2": 68,
      "thickness": 0.5
    },
    {
      "x1": 15,
      "y1": 88,
      "x2": 195,
      "y2": 88,
      "thickness": 0.5
    },
    {
      "x1": 15,
      "y1": 102,
      "x2": 195,
      "y2": 102,
      "thickness": 0.5
    },
    {
      "x1": 15,
      "y1": 116,
      "x2": 195,
      "y2": 116,
      "thickness": 0.5
    },
    {
      "x1": 15,
      "y1": 130,
      "x2": 195,
      "y2": 130,
      "thickness": 0.5
    },
    {
      "x1": 15,
      "y1": 144,
      "x2": 195,
      "y2": 144,
      "thickness": 0.5
    },
    {
      "x1": 15,
      "y1": 158,
      "x2": 195,
      "y2": 158,
      "thickness": 1
    },
    {
      "x1": 15,
      "y1": 40,
      "x2": 15,
      "y2": 158,
      "thickness": 1
    },
    {
      "x1": 195,
      "y1": 40,
      "x2": 195,
      "y2": 158,
      "thickness": 1
    },
    {
      "x1": 62,
      "y1": 40,
      "x2": 62,
      "y2": 158,
      "thickness": 0.5
    },
    {
      "x1": 50,
      "y1": 188,
      "x2": 120,
      "y2": 188,
      "thickness": 0.5
    }
  ],
  "boxes": [
    {
      "field": "applicantName",
      "x": 64,
      "y": 42,
      "width": 129,
      "height": 10,
      "fontSize": 12
    },
    {
      "field": "applicantId",
      "x": 64,
      "y": 56,
      "width": 129,
      "height": 10,
      "fontSize": 12
    },
    {
      "field": "applicantAddress",
      "x": 64,
      "y": 70,
      "width": 129,
      "height": 16,
      "fontSize": 12,
      "wrap": true
    },
    {
      "field": "applicantPhone",
      "x": 64,
      "y": 90,
      "width": 129,
      "height": 10,
      "fontSize": 12
    },
    {
      "field": "serviceName",
      "x": 64,
      "y": 104,
      "width": 129,
      "height": 10,
      "fontSize": 12,
      "wrap": true
    },
    {
      "field": "houseTaxNo",
      "x": 64,
      "y": 118,
      "width": 129,
      "height": 10,
      "fontSize": 12
    },
    {
      "field": "useChangedOn",
      "x": 64,
      "y": 132,
      "width": 129,
      "height": 10,
      "fontSize": 12
    },
    {
      "field": "newUse",
      "x": 64,
      "y": 146,
      "width": 129,
      "height": 10,
      "fontSize": 12
    },
    {
      "field": "filedOn",
      "x": 148,
      "y": 182,
      "width": 47,
      "height": 9,
      "fontSize": 11
    }
  ]
};
